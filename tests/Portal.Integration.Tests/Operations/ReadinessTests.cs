using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Portal.Integration.Tests.Operations;

/// <summary>Issue #9 "Operations": /health/live and /health/ready, beside /health (HealthTests).</summary>
public sealed class ReadinessTests
{
    private static readonly DateTimeOffset Now = new(2027, 2, 15, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_healthy_portal_is_live_and_ready_with_the_database_its_migrations_and_the_pickup_folder_checked()
    {
        using var portal = new ClockedPortalFactory(Now);
        var client = portal.CreateClient();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("""{"status":"Healthy","checks":{}}""", await live.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("application/json", ready.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"status":"Healthy","checks":{"database":"Healthy","migrations":"Healthy","mail-pickup":"Healthy"}}""",
            await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_answers_503_while_the_mail_pickup_folder_cannot_be_written_and_live_stays_up()
    {
        // A file where the folder should be: not writable even for root, who ignores permissions.
        var notAFolder = Path.GetTempFileName();
        try
        {
            using var portal = new ClockedPortalFactory(Now, new Dictionary<string, string> { ["Portal:MailPickupFolder"] = notAFolder });
            var client = portal.CreateClient();

            var ready = await client.GetAsync("/health/ready");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("""{"status":"Unhealthy","checks":{"database":"Healthy","migrations":"Healthy","mail-pickup":"Unhealthy"}}""",
                await ready.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        }
        finally
        {
            File.Delete(notAFolder);
        }
    }

    [Fact]
    public async Task With_SMTP_set_the_pickup_folder_is_not_checked()
    {
        var notAFolder = Path.GetTempFileName();
        try
        {
            using var portal = new ClockedPortalFactory(Now, new Dictionary<string, string>
            {
                ["Portal:MailPickupFolder"] = notAFolder,
                ["Portal:Mail:SmtpHost"] = "smtp.provider.test",
            });

            var ready = await portal.CreateClient().GetAsync("/health/ready");

            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }
        finally
        {
            File.Delete(notAFolder);
        }
    }

    [Fact]
    public async Task Ready_answers_503_while_a_migration_of_this_build_is_not_applied()
    {
        using var portal = new ClockedPortalFactory(Now);
        await using (var db = await portal.OpenAsSystemAsync())
            await db.Database.ExecuteSqlRawAsync(
                """DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = (SELECT MAX("MigrationId") FROM "__EFMigrationsHistory")""");
        var client = portal.CreateClient();

        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("""{"status":"Unhealthy","checks":{"database":"Healthy","migrations":"Unhealthy","mail-pickup":"Healthy"}}""",
            await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }
}
