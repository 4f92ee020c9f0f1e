namespace Portal.Browser.Tests.Infrastructure;

/// <summary>
/// All browser tests share one running Portal.Web and one Chromium; the tests of one
/// collection run one after the other, each in its own browser context.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalServer>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "Portal";
}
