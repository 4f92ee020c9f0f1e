using Microsoft.EntityFrameworkCore;
using Portal.Domain.Billing;
using Portal.Web.Shared;

namespace Portal.Web.Features.Billing;

/// <summary>The Client's invoices, read through the tenancy filter: another Client's number finds nothing.</summary>
public sealed class InvoiceQueries(PortalData data, TimeProvider clock)
{
    public DateOnly Today => clock.Today();

    public async Task<IReadOnlyList<Invoice>> ListAsync()
    {
        await using var db = await data.OpenAsync();
        return await db.Invoices.AsNoTracking().Include(i => i.Lines).Include(i => i.Payments)
            .OrderByDescending(i => i.Sequence).ToListAsync();
    }

    public async Task<Invoice?> FindAsync(string number)
    {
        await using var db = await data.OpenAsync();
        return await db.Invoices.AsNoTracking().Include(i => i.Lines).Include(i => i.Payments)
            .SingleOrDefaultAsync(i => i.Number == number);
    }
}

public static class BillingFeature
{
    public static void AddBillingFeature(this IServiceCollection services)
    {
        services.AddScoped<InvoiceQueries>();
        services.AddSingleton<InvoiceIssuer>();
        services.AddPortalJob<InvoiceIssuanceJob>();
    }
}
