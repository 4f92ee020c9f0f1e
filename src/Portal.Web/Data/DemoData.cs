using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Billing;
using Portal.Domain.Clients;
using Portal.Domain.People;
using Portal.Domain.Seats;
using Portal.Domain.Subsidiaries;
using Portal.Domain.Terms;
using Portal.Web.Shared;

namespace Portal.Web.Data;

/// <summary>
/// The demo portal (issue #3): a French Provider and three Clients at different points of their
/// contract, with dates relative to today so the demo never goes stale. Written only into an empty
/// database, and only when Portal:SeedDemoData is true.
/// </summary>
public sealed class DemoData(
    PortalDb db, // the same context as UserManager's store, so one transaction covers everything
    UserManager<PortalUser> users,
    TimeProvider clock,
    ILogger<DemoData> log)
{
    public const string Password = "Portal-demo-2026!";

    private DateTimeOffset now;
    private DateOnly today;

    public async Task WriteIfEmptyAsync()
    {
        if (await db.Clients.AnyAsync() || await db.Users.AnyAsync()) return;

        now = clock.GetUtcNow();
        today = DateOnly.FromDateTime(now.UtcDateTime);
        await using var tx = await db.Database.BeginTransactionAsync();

        db.ProviderProfiles.Add(new ProviderProfile
        {
            LegalName = "Nuagelis SAS",
            LegalForm = "Société par actions simplifiée",
            Address = new PostalAddress("12 rue des Tanneurs", null, "69002", "Lyon", "FR"),
            RcsRegistration = "RCS Lyon 912 345 678",
            Siren = "912345678",
            VatNumber = "FR74912345678",
            ShareCapitalEur = 50_000m,
            Iban = "FR7630006000011234567890189",
            Bic = "AGRIFRPP",
            SupportEmail = "support@provider.test",
            // The demo staff accounts sign in with their published password alone (README, "Demo accounts").
            RequireStaffTwoFactor = false,
            // E-invoicing (i17): VAT on receipts (the services default), a made-up ICS, the SIREN as directory address.
            VatOnDebits = false, SepaCreditorId = "FR72ZZZ912345", ElectronicAddress = "912345678", ElectronicAddressScheme = "0225",
        });

        var (generalTerms, aup) = AddDocuments(db);
        var acme = AddAcme(db);
        var globex = AddGlobex(db);
        var initech = AddInitech(db);
        await db.SaveChangesAsync();

        var am = await AddUser("am@provider.test", "Camille Laurent", null, Role.AccountManager);
        await AddUser("support@provider.test", "Sacha Morel", null, Role.Support);
        await AddUser("owner@provider.test", "Dominique Bernard", null, Role.ProviderAdmin);
        db.ClientAssignments.AddRange(
            new ClientAssignment { ClientId = acme.Id, StaffUserId = am.Id, AssignedAt = now },
            new ClientAssignment { ClientId = initech.Id, StaffUserId = am.Id, AssignedAt = now });

        var acmeAdmin = await AddUser("admin@acme.test", "Hélène Dubois", acme.Id, Role.ClientAdmin);
        await AddUser("user@acme.test", "Marc Petit", acme.Id, Role.ClientUser);
        var acmeSubsidiaries = await db.Subsidiaries.Where(s => s.ClientId == acme.Id).OrderBy(s => s.LegalName).ToListAsync();
        await AddUser("lea.martin@acme.test", "Léa Martin", acme.Id, Role.ClientUser, withPassword: false);
        await AddUser("paul.roux@acme.test", "Paul Roux", acme.Id, Role.ClientUser, withPassword: false);
        await AddUser("ines.faure@acme-logistique.test", "Inès Faure", acme.Id, Role.ClientUser, withPassword: false, subsidiary: acmeSubsidiaries[0].Id);
        await AddUser("tom.girard@acme-logistique.test", "Tom Girard", acme.Id, Role.ClientUser, withPassword: false, subsidiary: acmeSubsidiaries[0].Id);
        await AddUser("nora.blanc@acme-services.test", "Nora Blanc", acme.Id, Role.ClientUser, withPassword: false, subsidiary: acmeSubsidiaries[1].Id);
        await AddUser("erp-sync@acme.test", "ERP synchronisation", acme.Id, Role.ClientUser, withPassword: false, serviceAccount: true);

        var globexAdmin = await AddUser("admin@globex.test", "Jonas Weber", globex.Id, Role.ClientAdmin);
        (await db.SepaMandates.SingleAsync(m => m.ClientId == globex.Id)).SignedByUserId = globexAdmin.Id;
        await AddUser("mia.schulz@globex.test", "Mia Schulz", globex.Id, Role.ClientUser, withPassword: false);
        await AddUser("admin@initech.test", "Bill Lumbergh", initech.Id, Role.ClientAdmin);

        // Acme and Globex accepted the documents in force when they signed; the amendment is in its notice month.
        var chainEnd = await db.AcceptanceRecords.OrderByDescending(r => r.Id).FirstOrDefaultAsync();
        foreach (var (client, admin, signedOn) in new[] { (acme, acmeAdmin, acme.OrderForms[0].SignedOn), (globex, globexAdmin, globex.OrderForms[0].SignedOn) })
            foreach (var version in new[] { generalTerms, aup })
            {
                var record = Clickwrap(client, admin, version, signedOn.ToDateTime(new TimeOnly(10, 15)));
                AcceptanceChain.Seal(record, chainEnd);
                db.AcceptanceRecords.Add(record);
                chainEnd = record;
            }

        await db.SaveChangesAsync();
        AddInvoices(db, acme, globex);
        AddSlaFigures(db, acme, globex);
        await AddSeatsAndSubsidiariesAsync(acme, globex, acmeAdmin);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        log.LogInformation("Demo data written: 3 Clients, accounts with password {Password}", Password);
    }

    private (DocumentVersion GeneralTerms, DocumentVersion Aup) AddDocuments(PortalDb db)
    {
        var signed = now.AddMonths(-18);
        var generalTerms = Version(DocumentType.GeneralTermsAndConditions, "2025_09", DemoDocuments.GeneralTerms2025,
            "First version.", signed, signed);
        var amendmentPublished = now.AddDays(-10);
        // SEO §20.1: an amendment takes effect one month after notice.
        var amendment = Version(DocumentType.GeneralTermsAndConditions, "2026_11", DemoDocuments.GeneralTerms2026,
            "Support hours extended to 8:00–19:00; personal data now hosted in two French data centres.",
            amendmentPublished, amendmentPublished.AddMonths(1));
        var aup = Version(DocumentType.AcceptableUsePolicy, "2025_09", DemoDocuments.AcceptableUse,
            "First version.", signed, signed);
        db.DocumentVersions.AddRange(generalTerms, amendment, aup);
        return (generalTerms, aup);
    }

    private static DocumentVersion Version(DocumentType type, string label, string content, string summary,
        DateTimeOffset published, DateTimeOffset effective) => new()
    {
        Type = type, Label = label, Content = content, ContentSha256 = AcceptanceChain.Sha256(content),
        ChangeSummary = summary, PublishedAt = published, EffectiveAt = effective,
    };

    private Client AddAcme(PortalDb db)
    {
        // In its first Extended Service Period: signed 16 months ago.
        var effective = FirstOfMonth(today.AddMonths(-16));
        var acme = NewClient("C-0001", "Acme Industries SA", "FR", "fr", "FR32552100554", "RCS Paris 552 100 554",
            new PostalAddress("8 avenue de la Grande Armée", null, "75017", "Paris", "FR"));
        acme.OrderForms.Add(new OrderForm
        {
            Reference = "OF-2025-014", SignedOn = effective.AddDays(-10), EffectiveDate = effective,
            BillingFrequency = BillingFrequency.Annual, PaymentMethod = PaymentMethod.BankTransfer, SeatCap = 10,
            PurchaseOrderReference = "PO-ACME-88412", SyntecBaseIndex = 296.3m, SyntecBaseDate = effective.AddMonths(-2),
            Lines =
            [
                new OrderLine { Description = "Portal subscription, Business edition (annual)", DescriptionFr = "Abonnement au portail, édition Business (annuel)", Kind = OrderLineKind.Subscription, Quantity = 1, UnitPriceExclVat = 9_600m },
                new OrderLine { Description = "Named User seats (annual)", DescriptionFr = "Sièges d'utilisateurs nommés (annuel)", Kind = OrderLineKind.Subscription, Quantity = 10, UnitPriceExclVat = 240m },
            ],
        });
        acme.BillingContacts.Add(new BillingContact { Email = "comptabilite@acme.test", Name = "Acme accounts payable" });
        db.Clients.Add(acme);
        db.Subsidiaries.AddRange(
            new Subsidiary { ClientId = acme.Id, LegalName = "Acme Logistique SAS", RegistrationNumber = "RCS Lille 801 222 333", Country = "FR", ControlPercent = 100, AgreementNotifiedAt = now.AddMonths(-15) },
            new Subsidiary { ClientId = acme.Id, LegalName = "Acme Services Belgique SRL", RegistrationNumber = "BE0712345678", Country = "BE", ControlPercent = 60, AgreementNotifiedAt = now.AddMonths(-9) });
        return acme;
    }

    private Client AddGlobex(PortalDb db)
    {
        // In its Initial Service Period, billed monthly by SEPA direct debit.
        var effective = FirstOfMonth(today.AddMonths(-3));
        var globex = NewClient("C-0002", "Globex GmbH", "DE", "en", "DE811234567", "HRB 123456 München",
            new PostalAddress("Leopoldstraße 42", null, "80802", "München", "DE"));
        globex.OrderForms.Add(new OrderForm
        {
            Reference = "OF-2026-031", SignedOn = effective.AddDays(-7), EffectiveDate = effective,
            BillingFrequency = BillingFrequency.Monthly, PaymentMethod = PaymentMethod.SepaDirectDebit, SeatCap = 5,
            Lines = [new OrderLine { Description = "Portal subscription, Team edition (annual price)", DescriptionFr = "Abonnement au portail, édition Team (prix annuel)", Kind = OrderLineKind.Subscription, Quantity = 1, UnitPriceExclVat = 6_000m }],
        });
        globex.BillingContacts.Add(new BillingContact { Email = "ap@globex.test", Name = "Globex Accounts Payable" });
        db.Clients.Add(globex);
        db.SepaMandates.Add(new SepaMandate
        {
            ClientId = globex.Id, Iban = "DE89370400440532013000", Bic = "COBADEFFXXX",
            SignedAt = now.AddMonths(-3).AddDays(-5), SignedByUserId = "", // set to Globex's admin once that account exists
        });
        return globex;
    }

    private Client AddInitech(PortalDb db)
    {
        var initech = NewClient("C-0003", "Initech SARL", "FR", "fr", "FR05418532119", "RCS Nantes 418 532 119",
            new PostalAddress("3 quai de la Fosse", null, "44000", "Nantes", "FR"));
        initech.OrderForms.Add(new OrderForm
        {
            Reference = "TRIAL-2026-007", SignedOn = today.AddDays(-20), EffectiveDate = today.AddDays(-20),
            SeatCap = 3, TrialEndsOn = today.AddDays(10), PartnerName = "Cloudivia Distribution",
            Lines = [new OrderLine { Description = "Free trial, Business edition", DescriptionFr = "Essai gratuit, édition Business", Kind = OrderLineKind.Subscription, Quantity = 1, UnitPriceExclVat = 0 }],
        });
        db.Clients.Add(initech);
        return initech;
    }

    private Client NewClient(string number, string name, string country, string culture, string vat, string registration, PostalAddress address) => new()
    {
        Number = number, LegalName = name, Country = country, Culture = culture, VatNumber = vat,
        RegistrationNumber = registration, Address = address, CreatedAt = now,
    };

    /// <summary>
    /// The invoices the schedules called for up to today, built by the same rule the issuer uses (numbers in date
    /// order, from the counter the migration created), then paid as a real Client would have: Acme's first on time,
    /// its second not at all (overdue); Globex's by direct debit, the current month's not yet collected.
    /// </summary>
    private void AddInvoices(PortalDb db, Client acme, Client globex)
    {
        var counter = db.NumberSequences.Find(NumberSequence.Invoices)!;
        var issued = new[] { acme, globex }
            .SelectMany(c => BillingSchedule.For(c.OrderForms[0], today).Select(due => (Client: c, Due: due)))
            .OrderBy(x => x.Due.IssueOn)
            .Select(x => InvoiceIssue.For(x.Due, x.Client, x.Client.OrderForms[0], [], ++counter.Last, x.Due.IssueOn))
            .ToList();
        db.Invoices.AddRange(issued);

        var acmeInvoices = issued.Where(i => i.ClientId == acme.Id).ToList();
        Pay(acmeInvoices[0], acmeInvoices[0].IssuedOn.AddDays(21));
        var globexInvoices = issued.Where(i => i.ClientId == globex.Id).ToList();
        foreach (var invoice in globexInvoices.Where(i => i.DueOn < today)) Pay(invoice, invoice.DueOn);

        static void Pay(Invoice invoice, DateOnly on) =>
            invoice.Payments.Add(new Payment { ReceivedOn = on, Amount = invoice.TotalInclVat, Kind = PaymentKind.Payment });
    }

    /// <summary>
    /// SEO §14.2: Acme's service met its target every month; Globex's missed it in each of its three months of service,
    /// so Globex may file an availability breach notice. Nothing is filed for anyone.
    /// </summary>
    private void AddSlaFigures(PortalDb db, Client acme, Client globex)
    {
        var thisMonth = FirstOfMonth(today);
        decimal[] acmeFigures = [99.82m, 99.91m, 99.67m, 99.95m, 99.74m, 99.88m];
        for (var i = 0; i < acmeFigures.Length; i++)
            db.SlaMonths.Add(new Portal.Domain.Termination.SlaMonth
                { ClientId = acme.Id, Month = thisMonth.AddMonths(i - acmeFigures.Length), AvailabilityPercent = acmeFigures[i], TargetPercent = 99.5m });
        decimal[] globexFigures = [99.12m, 98.64m, 99.31m];
        for (var i = 0; i < globexFigures.Length; i++)
            db.SlaMonths.Add(new Portal.Domain.Termination.SlaMonth
                { ClientId = globex.Id, Month = thisMonth.AddMonths(i - globexFigures.Length), AvailabilityPercent = globexFigures[i], TargetPercent = 99.5m });
    }

    private AcceptanceRecord Clickwrap(Client client, PortalUser admin, DocumentVersion version, DateTime acceptedAtUtc) => new()
    {
        ClientId = client.Id, UserId = admin.Id, UserName = admin.DisplayName, UserEmail = admin.Email,
        DocumentType = version.Type, DocumentVersionId = version.Id, VersionLabel = version.Label,
        ContentSha256 = version.ContentSha256, Method = AcceptanceMethod.Clickwrap,
        AcceptedAt = new DateTimeOffset(acceptedAtUtc, TimeSpan.Zero), IpAddress = "203.0.113.24",
        UserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Demo", Culture = client.Culture, PageUrl = "/terms",
        // The wording the Client saw, in its language, as TermsService records it.
        CheckboxWording = client.Culture == "fr" ? "J'ai lu et j'accepte ce document." : "I have read and accept this document.",
        ButtonWording = client.Culture == "fr" ? "Accepter" : "Accept", PreviousHash = "", Hash = "",
    };

    private async Task<PortalUser> AddUser(string email, string name, Guid? clientId, string role,
        bool withPassword = true, Guid? subsidiary = null, bool serviceAccount = false)
    {
        var user = new PortalUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, ClientId = clientId,
            SubsidiaryId = subsidiary, IsServiceAccount = serviceAccount, CreatedAt = now,
        };
        var result = withPassword ? await users.CreateAsync(user, Password) : await users.CreateAsync(user);
        if (result.Succeeded) result = await users.AddToRoleAsync(user, role);
        if (!result.Succeeded)
            throw new InvalidOperationException($"Demo user {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        return user;
    }

    /// <summary>
    /// Issue #6: seat prices, who confirmed Acme's Subsidiaries were told the Agreement, a Subsidiary sold two months
    /// ago with its deactivated User, the service account's purpose and owner, and a seat request waiting for the
    /// AccountManager. Acme keeps 2 free seats (8 of 10), so inviting someone works in the demo and the tests.
    /// </summary>
    private async Task AddSeatsAndSubsidiariesAsync(Client acme, Client globex, PortalUser acmeAdmin)
    {
        acme.OrderForms[0].SeatPriceExclVat = 240m;
        globex.OrderForms[0].SeatPriceExclVat = 300m;
        foreach (var subsidiary in await db.Subsidiaries.Where(s => s.ClientId == acme.Id).ToListAsync())
        {
            subsidiary.AgreementNotifiedByUserId = acmeAdmin.Id;
            subsidiary.CreatedAt = subsidiary.AgreementNotifiedAt!.Value.AddDays(-2);
        }

        var sold = new Subsidiary
        {
            ClientId = acme.Id, LegalName = "Acme Retail Italia Srl", RegistrationNumber = "MI-2210458", Country = "IT", ControlPercent = 75,
            CreatedAt = now.AddMonths(-14), AgreementNotifiedAt = now.AddMonths(-14), AgreementNotifiedByUserId = acmeAdmin.Id,
            EndedAt = now.AddMonths(-2), EndReason = SubsidiaryEndReason.Sold, EndedByUserId = acmeAdmin.Id,
            EndNote = "Sold to Distribuzione Nord SpA.",
        };
        db.Subsidiaries.Add(sold);
        await db.SaveChangesAsync();
        var formerUser = await AddUser("giulia.conti@acme-retail.test", "Giulia Conti", acme.Id, Role.ClientUser, withPassword: false, subsidiary: sold.Id);
        formerUser.DeactivatedAt = sold.EndedAt;

        var erp = await db.Users.SingleAsync(u => u.Email == "erp-sync@acme.test");
        erp.ServicePurpose = "Nightly import of orders into the ERP";
        erp.ServiceOwnerUserId = acmeAdmin.Id;

        var form = acme.OrderForms[0];
        db.SeatRequests.Add(new SeatRequest
        {
            ClientId = acme.Id, ExtraSeats = 3, RequestedByUserId = acmeAdmin.Id, RequestedAt = now.AddDays(-1),
            QuotedPriceExclVat = ExtraSeatPrice.For(3, form.SeatPriceExclVat, form.Term, today.AddDays(-1)),
            Status = SeatRequestStatus.Pending,
        });
    }

    private static DateOnly FirstOfMonth(DateOnly d) => new(d.Year, d.Month, 1);
}
