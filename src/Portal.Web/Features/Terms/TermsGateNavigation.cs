using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;

namespace Portal.Web.Features.Terms;

/// <summary>
/// The terms gate inside a live circuit: a click from page to page never reaches the middleware, so each navigation asks
/// <see cref="TermsGateRule"/> the same question before the next page is drawn, and goes to /terms instead when it must.
/// Draws nothing; the request that drew the first page already passed <see cref="TermsGate"/>.
/// </summary>
public sealed class TermsGateNavigation : ComponentBase, IDisposable
{
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private TermsStanding Standing { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState>? Auth { get; set; }

    private IDisposable? registration;

    // After the first interactive render only: a page drawn on the server alone has no navigations to watch.
    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender) registration = Nav.RegisterLocationChangingHandler(OnLocationChangingAsync);
    }

    private async ValueTask OnLocationChangingAsync(LocationChangingContext context)
    {
        if (Auth is null) return;
        var user = (await Auth).User;
        // The target may be relative ("/staff/impersonation/…/enter"); one outside the portal is not ours to gate.
        var target = Nav.ToAbsoluteUri(context.TargetLocation).ToString();
        if (!target.StartsWith(Nav.BaseUri, StringComparison.OrdinalIgnoreCase)) return;
        var request = TermsGateRequest.Navigation("/" + Nav.ToBaseRelativePath(target).Split('?', '#')[0]);
        if (await TermsGateRule.DecideAsync(user, request, () => Standing.MustAcceptAsync(context.CancellationToken))
            == TermsGateVerdict.SendToTerms)
        {
            context.PreventNavigation();
            Nav.NavigateTo(TermsGateRule.TermsPage);
        }
    }

    public void Dispose() => registration?.Dispose();
}
