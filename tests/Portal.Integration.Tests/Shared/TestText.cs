using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Web;

namespace Portal.Integration.Tests.Shared;

/// <summary>The portal's own translations (Resources/UserText.fr.resx), for tests that render e-mails and PDFs without a host.</summary>
public static class TestText
{
    public static readonly IStringLocalizer<UserText> T = new StringLocalizer<UserText>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance));
}
