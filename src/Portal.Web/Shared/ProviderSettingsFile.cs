using Microsoft.Extensions.Configuration.Json;

namespace Portal.Web.Shared;

public static class ProviderSettingsFile
{
    /// <summary>
    /// The provider edits one settings file, at the top of the repository; the build copies it beside
    /// the binaries. It goes where ASP.NET would read appsettings.json, so appsettings.{Environment}.json,
    /// environment variables and the command line still override it.
    /// </summary>
    public static void AddProviderSettingsFile(this ConfigurationManager configuration)
    {
        var source = new JsonConfigurationSource
        {
            Path = Path.Combine(AppContext.BaseDirectory, "appsettings.json"),
            Optional = false,
        };
        source.ResolveFileProvider();
        var firstJson = configuration.Sources.TakeWhile(s => s is not JsonConfigurationSource).Count();
        configuration.Sources.Insert(firstJson, source);
    }
}
