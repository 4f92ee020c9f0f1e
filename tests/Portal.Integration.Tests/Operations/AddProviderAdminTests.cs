using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.People;
using Portal.Web.Data;
using Portal.Web.Features.Operations;

namespace Portal.Integration.Tests.Operations;

/// <summary>
/// README "Go live", issue #15 part 1: `add-provider-admin` on an empty database, run as the built portal is
/// (its own process), and the start-up bootstrap for containers.
/// </summary>
public sealed class AddProviderAdminTests : IDisposable
{
    private const string PublicUrl = "https://portal.provider.example";
    private readonly string folder = Directory.CreateTempSubdirectory("portal-admin-").FullName;
    private readonly TestDatabase database;

    public AddProviderAdminTests() => database = new TestDatabase(folder);

    public void Dispose()
    {
        database.Dispose();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Creates_a_ProviderAdmin_without_password_prints_one_line_with_the_link_and_a_second_run_voids_the_first_link()
    {
        var first = await RunAsync("add-provider-admin", "jane.doe@provider.example", "--name", "Jane Doe");

        Assert.Equal(0, first.ExitCode);
        var line = Assert.Single(first.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var firstLink = LinkIn(line);
        Assert.StartsWith(PublicUrl + "/Account/ResetPassword?code=", firstLink);

        var second = await RunAsync("add-provider-admin", "jane.doe@provider.example");
        Assert.Equal(0, second.ExitCode);
        var secondLink = LinkIn(second.Output);
        Assert.NotEqual(firstLink, secondLink);

        using var portal = EmptyPortal();
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = Assert.Single(await users.GetUsersInRoleAsync(Role.ProviderAdmin));
        Assert.Equal(("jane.doe@provider.example", "Jane Doe", false), (user.Email, user.DisplayName, await users.HasPasswordAsync(user)));
        Assert.False(await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<PortalUser>.ResetPasswordTokenPurpose, TokenOf(firstLink)));
        Assert.True(await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<PortalUser>.ResetPasswordTokenPurpose, TokenOf(secondLink)));

        // The link sets the password once; then the person signs in with it.
        Assert.True((await users.ResetPasswordAsync(user, TokenOf(secondLink), "A-first-password-2027")).Succeeded);
        Assert.False((await users.ResetPasswordAsync(user, TokenOf(secondLink), "Another-password-2027")).Succeeded);

        await using var db = portal.OpenAs(Actor.System);
        var audited = await db.AuditEntries.Where(e => e.Action == ProviderAdminLink.AuditAction).ToListAsync();
        Assert.Equal(2, audited.Count);
        Assert.All(audited, e => Assert.Contains("jane.doe@provider.example", e.After));
        Assert.Contains(await db.AuditEntries.Select(e => e.Action).ToListAsync(), a => a == "PortalUser.Added");
    }

    [Theory]
    [InlineData("jane.doe")]
    [InlineData("jane doe@provider.example")]
    [InlineData("jane@localhost")]
    [InlineData("Jane <jane@provider.example>")]
    public async Task A_malformed_e_mail_is_refused_with_exit_code_2_and_nothing_is_created(string email)
    {
        var result = await RunAsync("add-provider-admin", email);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"'{email}' is not an e-mail address", result.Errors);
        Assert.Equal("", result.Output.Trim());
    }

    [Fact]
    public async Task Without_an_address_it_says_how_to_call_it()
    {
        var result = await RunAsync("add-provider-admin");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Usage: Portal.Web add-provider-admin <e-mail>", result.Errors);
    }

    [Fact]
    public async Task In_Production_a_missing_or_plain_http_public_address_stops_it_naming_the_setting()
    {
        var missing = await RunAsync(["add-provider-admin", "jane.doe@provider.example"], production: true, publicUrl: null);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("The setting Portal:PublicUrl is not set", missing.Errors);

        var plain = await RunAsync(["add-provider-admin", "jane.doe@provider.example"], production: true, publicUrl: "http://portal.provider.example");
        Assert.Equal(1, plain.ExitCode);
        Assert.Contains("in Production it must start with https://", plain.Errors);

        var https = await RunAsync(["add-provider-admin", "jane.doe@provider.example"], production: true, publicUrl: PublicUrl);
        Assert.Equal(0, https.ExitCode);
    }

    [Fact]
    public async Task The_e_mail_of_a_Client_s_person_is_refused()
    {
        using (var portal = EmptyPortal(("Portal:SeedDemoData", "true")))
            await using (var db = portal.OpenAs(Actor.System))
                Assert.True(await db.Users.AnyAsync(u => u.Email == "admin@acme.test"));

        var result = await RunAsync("add-provider-admin", "admin@acme.test");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("already has a Portal account that is not a Provider administrator", result.Errors);
    }

    [Fact]
    public async Task The_bootstrap_setting_creates_the_first_admin_at_start_up_and_a_command_racing_it_gives_one_account()
    {
        using var portal = EmptyPortal(("Portal:Bootstrap:AdminEmail", "ops@provider.example"));
        await using (var db = portal.OpenAs(Actor.System))
            Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == ProviderAdminLink.AuditAction));

        // Twelve creations of one new address at once, each in its own scope and transaction.
        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            await using var scope = portal.Services.CreateAsyncScope();
            try { return await scope.ServiceProvider.GetRequiredService<ProviderAdminLink>().IssueAsync("second@provider.example", null, "test"); }
            catch (DbUpdateException) { return null; }
            catch (InvalidOperationException) { return null; }
        }));

        Assert.Contains(results, r => r is { Succeeded: true });
        await using (var db = portal.OpenAs(Actor.System))
        {
            Assert.Equal(1, await db.Users.CountAsync(u => u.NormalizedEmail == "SECOND@PROVIDER.EXAMPLE"));
            Assert.Equal(1, await db.Users.CountAsync(u => u.NormalizedEmail == "OPS@PROVIDER.EXAMPLE"));
        }
    }

    private EmptyPortalFactory EmptyPortal(params (string Key, string Value)[] settings) =>
        new(database, [("Portal:PublicUrl", PublicUrl), .. settings]);

    /// <summary>The portal in-process on this test's database, which the command wrote to.</summary>
    private sealed class EmptyPortalFactory(TestDatabase database, (string Key, string Value)[] settings) : WebApplicationFactory<Program>
    {
        public PortalDb OpenAs(Actor actor)
        {
            var db = Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContext();
            db.Actor = actor;
            return db;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            database.Apply(builder);
            builder.UseSetting("Portal:SeedDemoData", "false");
            builder.UseSetting("Portal:BackgroundJobs", "false");
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }
    }

    private static string LinkIn(string output) => Regex.Match(output, @"https://\S+").Value;

    private static string TokenOf(string link) =>
        Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(QueryHelpers.ParseQuery(new Uri(link).Query)["code"]!));

    private Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] args) =>
        RunAsync(args, production: false, publicUrl: PublicUrl);

    /// <summary>Runs the built portal's command as its own process, as an operator would.</summary>
    private async Task<(int ExitCode, string Output, string Errors)> RunAsync(string[] args, bool production, string? publicUrl)
    {
        var web = Path.Combine(AppContext.BaseDirectory, "Portal.Web.dll");
        var start = new ProcessStartInfo("dotnet", [web, .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = production ? "Production" : "Development";
        start.Environment["Portal__Database"] = database.Provider.ToString();
        start.Environment["ConnectionStrings__Portal"] = database.ConnectionString;
        start.Environment["Portal__SeedDemoData"] = "false";
        start.Environment["Portal__PublicUrl"] = publicUrl ?? "";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }
}
