using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Domain.Clients;
using Portal.Domain.Termination;
using Portal.Web.Shared;
using Portal.Web.Shared.Pdf;

namespace Portal.Web.Features.Termination.Export;

/// <summary>The contract at a glance, for the data export: order forms, their lines and term, and the termination notices.</summary>
public static class ContractSummary
{
    public static byte[] Render(Client client, IReadOnlyList<TerminationNotice> notices, ProviderProfile provider, DateTimeOffset producedAt,
        IStringLocalizer T)
    {
        using var sheet = new PdfSheet(provider.LegalName, T["Contract summary"], T["Page {0} of {1}"], PdfBrand.Logo);
        sheet.Field(T["Client"], $"{client.LegalName} ({client.Number})")
            .Field(T["VAT number"], client.VatNumber)
            .Field(T["Registration number"], client.RegistrationNumber);
        foreach (var form in client.OrderForms.OrderBy(f => f.EffectiveDate))
        {
            var current = form.Term.PeriodOn(DateOnly.FromDateTime(producedAt.UtcDateTime));
            sheet.Heading(T["Order Form {0}", form.Reference])
                .Field(T["Signed on"], Culture.Date(form.SignedOn))
                .Field(T["Effective Date"], Culture.Date(form.EffectiveDate))
                .Field(T["Initial Service Period"], T["{0} months", form.InitialPeriodMonths])
                .Field(T["Current period"], T["{0} to {1}", Culture.Date(current.Start), Culture.Date(current.End)])
                .Field(T["Seats"], form.SeatCap.ToString(CultureInfo.CurrentCulture))
                .Table([new PdfColumn(T["Description"], 4), new PdfColumn(T["Quantity"], 1, true), new PdfColumn(T["Unit price excl. VAT"], 2, true)],
                    form.Lines.Select(l => (IReadOnlyList<string?>)[l.Description, l.Quantity.ToString("0.##", CultureInfo.CurrentCulture),
                        Culture.Eur(l.UnitPriceExclVat)]));
        }
        sheet.Heading(T["Termination notices"]);
        if (notices.Count == 0) sheet.Paragraph(T["No termination notice."]);
        else
            sheet.Table([new PdfColumn(T["Reference"], 2), new PdfColumn(T["Kind"], 2), new PdfColumn(T["Status"], 1), new PdfColumn(T["Last day of service"], 2)],
                notices.Select(n => (IReadOnlyList<string?>)[TerminationText.Reference(n), T[TerminationText.KindName(n.Kind)],
                    T[TerminationText.StatusName(n.Status)], Culture.Date(n.EffectiveOn)]));
        sheet.Paragraph(T["Produced on {0} (UTC).", producedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)], muted: true);
        return sheet.ToArray();
    }
}
