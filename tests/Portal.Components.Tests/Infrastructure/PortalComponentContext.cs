using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Portal.Components.Tests.Infrastructure;

/// <summary>
/// A bUnit context with what the portal's components inject: MudBlazor, IStringLocalizer&lt;UserText&gt; (no
/// resources are registered, so it returns its English keys), a clock the test sets, and bUnit's test
/// authorization (signed in as a ClientUser unless a test says otherwise). Renders in English.
/// </summary>
public abstract class PortalComponentContext : BunitContext
{
    private readonly CultureScope english = new("en");

    protected PortalComponentContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Authorization = AddAuthorization();
        Authorization.SetAuthorized("Test User");
        Authorization.SetRoles("ClientUser");
    }

    /// <summary>Who the rendered components see as signed in.</summary>
    protected BunitAuthorizationContext Authorization { get; }

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
