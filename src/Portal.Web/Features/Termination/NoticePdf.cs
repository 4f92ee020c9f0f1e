using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Domain.Clients;
using Portal.Domain.Subscription;
using Portal.Domain.Termination;
using Portal.Web.Shared;
using Portal.Web.Shared.Pdf;

namespace Portal.Web.Features.Termination;

/// <summary>
/// The notice as a letter to print, sign and send by registered mail (SEO §3, §14 ask for it), in the Client's language
/// whatever the reader's. Its wording is the portal's own, never the contract's.
/// </summary>
public static class NoticePdf
{
    public static string FileName(TerminationNotice notice) => $"{TerminationText.Reference(notice)}.pdf";

    public static byte[] Render(NoticeRow row, Client client, ProviderProfile provider, string orderForm, IReadOnlyList<SlaMonth> slaBreach,
        DateTimeOffset producedAt, IStringLocalizer T, TerminationPolicy? policy = null) => Culture.In(client.Culture, () =>
    {
        policy ??= TerminationPolicy.Default;
        var n = row.Notice;
        var kind = T[TerminationText.KindName(n.Kind)];
        using var sheet = new PdfSheet(provider.LegalName, T["Termination notice: {0}", kind], T["Page {0} of {1}"], PdfBrand.Logo);
        sheet.Parties(T["From"], [client.LegalName, .. Address(client.Address), client.RegistrationNumber ?? "", client.VatNumber ?? ""],
            T["To"], [provider.LegalName, .. Address(provider.Address), provider.RcsRegistration]);

        sheet.Heading(T["Notice"])
            .Field(T["Reference"], row.Reference)
            .Field(T["Kind"], kind)
            .Field(T["Clause"], TerminationRules.ClauseOf(n.Kind))
            .Field(T["Order Form"], orderForm)
            .Field(T["Filed in the portal (UTC)"], n.FiledAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))
            .Field(T["Filed by"], row.FiledBy)
            .Field(T["Last day of service"], Culture.Date(n.EffectiveOn));
        if (n.ReceivedOn is { } received) sheet.Field(T["Received on"], Culture.Date(received));

        sheet.Heading(T["Statement"]).Paragraph(Statement(n, client, row.CitedLabel, policy, T));
        if (n.Reason is { } reason) sheet.Field(T["Reason"], reason);
        if (n.BreachDescription is { } breach) sheet.Field(T["Breach"], breach);
        if (n.Kind == TerminationKind.AvailabilityBreach && slaBreach.Count > 0)
            sheet.Table([new PdfColumn(T["Month"], 2), new PdfColumn(T["Availability"], 1, true), new PdfColumn(T["Target"], 1, true)],
                slaBreach.Select(m => (IReadOnlyList<string?>)[m.Month.ToString("MMMM yyyy", CultureInfo.CurrentCulture),
                    Percent(m.AvailabilityPercent), Percent(m.TargetPercent)]));

        sheet.Heading(T["Sending"])
            .Paragraph(T["Send this notice signed, by registered mail with acknowledgement of receipt, to the address above. Breach notices take effect from the date it is received."])
            .Field(T["Name and title of the signatory"], "")
            .Field(T["Date and signature"], "")
            .Paragraph(T["Produced by the portal on {0} (UTC).", producedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)], muted: true);
        return sheet.ToArray();
    });

    // SEO §14: the notice periods are the policy's (a setting), printed as the rules apply them.
    private static string Statement(TerminationNotice n, Client client, string? citedLabel, TerminationPolicy policy, IStringLocalizer T) => n.Kind switch
    {
        TerminationKind.NonRenewal => T["{0} gives notice that it will not renew the contract: it ends at the end of the service period, on {1}.",
            client.LegalName, Culture.Date(n.EffectiveOn)],
        TerminationKind.MaterialBreach => T["{0} terminates the contract for the material breach described below. Unless the breach is remedied first, termination takes effect {2} after this notice is received; last day of service: {1}.",
            client.LegalName, Culture.Date(n.EffectiveOn), Span(policy.BreachNotice, T)],
        TerminationKind.AvailabilityBreach => T["{0} terminates the contract because the service missed its availability rate for the consecutive months listed below. Unless the breach is remedied first, termination takes effect {2} after this notice is received; last day of service: {1}.",
            client.LegalName, Culture.Date(n.EffectiveOn), Span(policy.BreachNotice, T)],
        _ => T["{0} terminates the contract because of the amendment {1}, which materially reduces availability, backups or support. Termination takes effect {3} after this notice; last day of service: {2}. No fees are owed for the remainder of the term.",
            client.LegalName, citedLabel ?? "", Culture.Date(n.EffectiveOn), Span(policy.AmendmentNotice, T)],
    };

    private static string Span(Duration limit, IStringLocalizer T) =>
        limit.Unit == DurationUnit.Days ? T["{0} days", limit.Count] : T["{0} months", limit.Count];

    private static string Percent(decimal value) => value.ToString("0.###", CultureInfo.CurrentCulture) + " %";

    private static IEnumerable<string> Address(PostalAddress a) =>
        new[] { a.Line1, a.Line2, $"{a.PostalCode} {a.City}", a.Country }.Where(l => !string.IsNullOrWhiteSpace(l))!;
}
