using MudBlazor.Services;
using Portal.Web;
using Portal.Web.Data;
using Portal.Web.Features.Account;
using Portal.Web.Features.Billing;
using Portal.Web.Features.Dashboard;
using Portal.Web.Features.Operations;
using Portal.Web.Features.Seats;
using Portal.Web.Features.Staff.Acceptances;
using Portal.Web.Features.Staff.Audit;
using Portal.Web.Features.Staff.Clients;
using Portal.Web.Features.Staff.Impersonation;
using Portal.Web.Features.Terms;
using Portal.Web.Features.Termination;
using Portal.Web.Features.Terms.Documents;
using Portal.Web.Shared.Mail;
using Portal.Web.Shared;
using Portal.Web.Shared.Security;

// `backup <file>` and `restore <file>` run instead of the web host (README, "Backup and restore").
if (PortalCommands.Handles(args)) return await PortalCommands.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddProviderSettingsFile();

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section);
builder.Services.AddPortalCulture();
builder.AddPortalData();
builder.Services.AddScoped<DemoData>();
builder.Services.AddAccountFeature();
builder.Services.AddDashboardFeature();
builder.Services.AddBillingFeature();
builder.Services.AddInvoiceDocuments();
builder.Services.AddSubscriptionFeature();
builder.Services.AddTermsFeature();
builder.Services.AddDeemedAcceptanceJob();
builder.Services.AddDocumentsFeature();
builder.Services.AddAcceptanceReviewFeature();
builder.Services.AddTerminationFeature();
builder.Services.AddMailFeature();
builder.Services.AddImpersonationFeature();
builder.Services.AddClientsFeature();
builder.Services.AddAuditFeature();
builder.Services.AddSeatsFeature();
builder.AddPortalSecurity();
builder.AddOperationsFeature();

var app = builder.Build();
if (!await app.PrepareDatabaseAsync()) return 1;
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

app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAccountEndpoints();
app.MapCultureEndpoint();
app.MapAcceptanceReviewEndpoints();
app.MapTermsEndpoints();
app.MapInvoiceDocumentEndpoints();
app.MapImpersonationEndpoints();
app.MapAuditEndpoints();
app.MapTerminationEndpoints();
app.MapPortalHealthChecks();

app.Run();
return 0;

/// <summary>Visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
