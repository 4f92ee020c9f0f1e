using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Portal.Components.Tests.Infrastructure;

/// <summary>
/// A bUnit context with what the portal's components inject: MudBlazor, IStringLocalizer&lt;Text&gt; (no
/// resources are registered, so it returns its English keys) and a clock the test sets. Renders in English.
/// </summary>
public abstract class PortalComponentContext : BunitContext
{
    private readonly CultureScope english = new("en");

    protected PortalComponentContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
    }

    /// <summary>Registers the clock; call before the first render.</summary>
    protected void SetToday(int year, int month, int day) => Services.AddSingleton<TimeProvider>(FixedClock.On(year, month, day));

    // xunit disposes through DisposeAsync when a test class has it; either way the culture is restored.
    protected override void Dispose(bool disposing)
    {
        english.Dispose();
        base.Dispose(disposing);
    }

    protected override ValueTask DisposeAsyncCore()
    {
        english.Dispose();
        return base.DisposeAsyncCore();
    }
}
