using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Data;

namespace Portal.Integration.Tests.Data;

/// <summary>
/// Issue #9 "Security": the data-protection keys (which sign every cookie) lie in the database; with a certificate set
/// they are stored encrypted, so a copy of the database alone cannot forge a sign-in.
/// </summary>
public sealed class KeyProtectionTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("portal-keys-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task With_a_certificate_the_keys_are_stored_encrypted_read_back_and_sign_ins_work()
    {
        var pfx = Path.Combine(folder, "keys.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=Portal data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx-password"));
        }
        using var factory = new PortalFactory();
        using var portal = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting(DataRegistration.KeyCertificateSetting, pfx);
            b.UseSetting(DataRegistration.KeyCertificatePasswordSetting, "pfx-password");
        });

        var client = portal.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await PortalFactory.PostSignInAsync(client, "admin@acme.test")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/invoices")).StatusCode);

        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDb>();
        var stored = await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync();
        Assert.NotEmpty(stored);
        Assert.All(stored, xml =>
        {
            Assert.Contains("<encryptedSecret", xml);
            Assert.DoesNotContain("<masterKey", xml);
        });
        // Read back from the database (not the ring in memory) and decrypted with the certificate.
        var keys = portal.Services.GetRequiredService<IKeyManager>().GetAllKeys();
        Assert.All(keys, key => Assert.NotNull(key.Descriptor));
    }
}
