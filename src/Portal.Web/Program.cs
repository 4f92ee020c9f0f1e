using MudBlazor.Services;
using Portal.Web;
using Portal.Web.Data;
using Portal.Web.Features.Account;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Billing;
using Portal.Web.Features.Clients;
using Portal.Web.Features.Dashboard;
using Portal.Web.Features.Impersonation;
using Portal.Web.Features.Operations;
using Portal.Web.Features.People;
using Portal.Web.Features.Seats;
using Portal.Web.Features.Settings;
using Portal.Web.Features.Subsidiaries;
using Portal.Web.Features.Termination;
using Portal.Web.Features.Terms;
using Portal.Web.Shared;
using Portal.Web.Shared.Access;
using Portal.Web.Shared.Mail;
using Portal.Web.Shared.Security;

// `backup <file>`, `restore <file>` (README, "Backup and restore") and `add-provider-admin <e-mail>` (README, "Go live")
// run instead of the web host.
if (PortalCommands.Handles(args)) return await PortalCommands.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddProviderSettingsFile();

// What every area stands on.
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section);
builder.Services.AddPortalCulture();
builder.AddPortalData();
builder.Services.AddPortalAccess();
builder.Services.AddMailFeature();
builder.AddPortalSecurity();

// The areas.
builder.Services.AddAccountFeature();
builder.Services.AddDashboardFeature();
builder.Services.AddBillingFeature();
builder.Services.AddTermsFeature();
builder.Services.AddTerminationFeature();
builder.Services.AddImpersonationFeature();
builder.Services.AddClientsFeature();
builder.Services.AddAuditFeature();
builder.Services.AddSeatsFeature();
builder.Services.AddSubsidiariesFeature();
builder.Services.AddSettingsFeature();
builder.Services.AddPeopleFeature();
builder.AddOperationsFeature();

var app = builder.Build();
if (!app.HasUsablePublicUrl() || !await app.PrepareDatabaseAsync() || !await app.BootstrapProviderAdminAsync()) return 1;
await Portal.Web.Features.Billing.FacturX.ProviderEInvoicingSettings.ApplyAsync(app);

app.UseForwardedFromProxy();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UsePortalCulture();
app.UsePortalSecurity();
app.UseAntiforgery();
// The gates, after authentication: an ended impersonation is left before anything is gated.
app.UseImpersonationGate();
app.UseStaffTwoFactorGate();
app.UseTermsGate();

app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapCultureEndpoint();
app.MapAccountEndpoints();
app.MapBillingEndpoints();
app.MapTermsEndpoints();
app.MapTerminationEndpoints();
app.MapImpersonationEndpoints();
app.MapAuditEndpoints();
app.MapOperationsEndpoints();

app.Run();
return 0;

/// <summary>Visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
