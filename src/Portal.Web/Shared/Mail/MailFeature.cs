using Microsoft.Extensions.DependencyInjection.Extensions;

using Portal.Web.Shared.Jobs;

namespace Portal.Web.Shared.Mail;

public static class MailFeature
{
    /// <summary>The outbox sender (SMTP, or .eml files in the pickup folder) and its settings, Portal:Mail.</summary>
    public static void AddMailFeature(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<PickupFolderMail>();
        services.AddPortalJob<OutboxSender>();
        services.AddScoped<PublicUrl>(); // the base of every link an e-mail holds
    }
}
