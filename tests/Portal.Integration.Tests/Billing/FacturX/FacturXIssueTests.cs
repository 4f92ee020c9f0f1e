using Microsoft.EntityFrameworkCore;
using Portal.Domain.Billing;
using Portal.Domain.Clients;
using Portal.Domain.Termination;
using Portal.Integration.Tests.Shared.Mail;
using Portal.Web.Data;
using Portal.Web.Features.Billing;
using Portal.Web.Shared;

namespace Portal.Integration.Tests.Billing.FacturX;

/// <summary>
/// DOMAIN "E-invoicing": the documents the issuer really issues in the cases that shape an e-invoice (reverse charge and
/// a SEPA mandate, 100 lines, a credit note, a purchase order, quarterly billing with a pro-rata first invoice, a final
/// invoice whose lines bill their own months, the VAT-on-debits option set in the configuration) are each e-mailed as a
/// Factur-X file that the official rules accept, in one checker run.
/// </summary>
public sealed class FacturXIssueTests : IDisposable
{
    // The demo data is written relative to this day: Globex (monthly, SEPA, reverse charge) was last invoiced on 1 March.
    private static readonly DateTimeOffset Start = new(2027, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private readonly ClockedPortalFactory portal = new(Start, new Dictionary<string, string>
    {
        ["Portal:Provider:VatOnDebits"] = "true",
        ["Portal:Provider:SepaCreditorId"] = "FR 44 ZZZ 556677",
    });

    public FacturXIssueTests() => _ = portal.Services;

    public void Dispose() => portal.Dispose();

    private InvoiceIssuer Issuer => portal.Get<InvoiceIssuer>();

    [Fact]
    public async Task Each_kind_of_issued_document_is_emailed_as_a_valid_Factur_X_file_that_says_what_its_PDF_shows()
    {
        Guid globexId, quarterlyId;
        await using (var db = await portal.OpenAsSystemAsync())
        {
            globexId = (await db.Clients.SingleAsync(c => c.Number == "C-0002")).Id;
            // 99 charges waiting for Globex's next invoice: with its subscription, a 100-line invoice.
            db.PendingCharges.AddRange(Enumerable.Range(1, 99).Select(n => new PendingCharge
            {
                ClientId = globexId, Description = $"Extra seat {n}, 10 March to 31 March 2027", Quantity = 1, UnitPriceExclVat = 12.34m + n,
                Source = $"SeatRequest:edge-{n}", CreatedAt = Start,
            }));
            // Service ends on 30 April: a final invoice bills May to November, one line a month.
            db.TerminationNotices.Add(new TerminationNotice
            {
                ClientId = globexId, Kind = TerminationKind.MaterialBreach, FiledAt = Start, FiledByUserId = "x",
                EffectiveOn = new DateOnly(2027, 4, 30), // Filed: counts as Received does for the final invoice
            });
            var quarterly = new Client
            {
                Number = "C-0104", LegalName = "Quarterly Conseil SAS", Country = "FR", Culture = "fr", VatNumber = "FR40303265045",
                RegistrationNumber = "303 265 045 00028", CreatedAt = Start,
                Address = new PostalAddress("4 place Bellecour", "Bâtiment B", "69002", "Lyon", "FR"),
            };
            quarterly.OrderForms.Add(new OrderForm
            {
                Reference = "OF-2027-104", SignedOn = new DateOnly(2027, 3, 25), EffectiveDate = new DateOnly(2027, 4, 5),
                BillingFrequency = BillingFrequency.Quarterly, PaymentMethod = PaymentMethod.BankTransfer, SeatCap = 5,
                PurchaseOrderReference = "BC-2027-0042",
                Lines =
                [
                    new OrderLine { Description = "Portal subscription, Team edition (annual price)", Kind = OrderLineKind.Subscription, Quantity = 1, UnitPriceExclVat = 4_800m },
                    new OrderLine { Description = "Onboarding workshop (days)", Kind = OrderLineKind.ProfessionalServices, Quantity = 1.5m, UnitPriceExclVat = 900m },
                ],
            });
            quarterly.BillingContacts.Add(new BillingContact { Email = "compta@quarterly.test" });
            db.Clients.Add(quarterly);
            await db.SaveChangesAsync();
            quarterlyId = quarterly.Id;
        }
        portal.Clock.Advance(TimeSpan.FromDays(30)); // 9 April

        var refused = new List<IssueRefusal>();
        var april = await Issuer.IssueDueAsync(Actor.System, portal.Clock.Today(), globexId, refused: refused);
        var quarter = await Issuer.IssueDueAsync(Actor.System, portal.Clock.Today(), quarterlyId, refused: refused);
        var final = await Issuer.IssueFinalAsync(globexId, new DateOnly(2027, 11, 30), "Termination:edge");
        var credit = await Issuer.IssueCreditNoteAsync(Actor.System, "INV-000002", [new CreditedLine(1, 2)]);

        Assert.Empty(refused);
        Assert.Single(april);
        Assert.Equal(2, quarter.Count); // the workshop on signature, then the first quarter pro rata
        Assert.NotNull(final);
        Assert.Null(credit.Refusal);
        var numbers = april.Concat(quarter).Append(final.Number).Append(credit.CreditNote!.Number).ToList();

        // What the Client receives: the e-mail's attachment.
        await using var check = await portal.OpenAsSystemAsync();
        var files = new Dictionary<string, byte[]>();
        var xml = new Dictionary<string, FacturXXml>();
        foreach (var number in numbers)
        {
            var email = await check.OutboxEmails.FirstAsync(e => e.Reason!.StartsWith("Invoice:" + number + ":"));
            Assert.Equal("application/pdf", email.AttachmentContentType);
            files[$"{number}.pdf"] = email.Attachment!;
            var culture = (await check.Invoices.SingleAsync(i => i.Number == number)).Culture;
            FacturXXml.AssertPdfAgrees(email.Attachment!, culture);
            xml[number] = new FacturXXml(FacturXChecker.EmbeddedXml(email.Attachment!));
        }
        await FacturXChecker.AssertAllPassAsync(files);

        // Monthly SEPA debit, reverse charge, 100 lines.
        var debit = xml[april[0]];
        Assert.Equal(100, debit.Lines.Count);
        Assert.Equal("59", debit.PaymentMeans);
        Assert.Equal(["AE"], debit.Values("CategoryCode").Distinct());
        Assert.Contains("VATEX-EU-AE", debit.Values("ExemptionReasonCode"));
        Assert.Equal(["FR44ZZZ556677"], debit.Values("CreditorReferenceID"));
        var mandate = await check.SepaMandates.SingleAsync(m => m.ClientId == globexId);
        Assert.Equal([mandate.Id.ToString("N").ToUpperInvariant()], debit.Values("DirectDebitMandateID"));
        Assert.Equal([mandate.Iban], debit.Values("PayerPartyDebtorFinancialAccount"));
        // Quarterly: the professional services on signature, then a pro-rata first period to the end of the next quarter.
        var firstQuarter = xml[quarter[1]];
        Assert.Equal(new DateOnly(2027, 4, 5), firstQuarter.PeriodStart);
        Assert.Equal("BC-2027-0042", firstQuarter.PurchaseOrder);
        Assert.Equal("58", firstQuarter.PaymentMeans);
        Assert.Contains("FR7630006000011234567890189", firstQuarter.Values("IBANID"));
        Assert.Contains("303265045", firstQuarter.Values("ID")); // the buyer's SIREN, from its SIRET
        // VAT on debits (set in the configuration): due on invoicing (code 5), and said in a TXD note.
        Assert.Equal(["5"], firstQuarter.Values("DueDateTypeCode"));
        Assert.Contains("TXD", firstQuarter.Values("SubjectCode"));
        // The final invoice: each line bills its own month.
        var closing = xml[final.Number];
        Assert.Equal(7, closing.Lines.Count);
        Assert.Equal((new DateOnly(2027, 5, 1), new DateOnly(2027, 5, 31)), (closing.Lines[0].Start, closing.Lines[0].End));
        Assert.Equal((new DateOnly(2027, 11, 1), new DateOnly(2027, 11, 30)), (closing.Lines[^1].Start, closing.Lines[^1].End));
        // The credit note: type 381, naming the invoice it corrects.
        var note = xml[credit.CreditNote.Number];
        Assert.Equal("381", note.TypeCode);
        Assert.Equal("INV-000002", note.CorrectedNumber);
    }
}
