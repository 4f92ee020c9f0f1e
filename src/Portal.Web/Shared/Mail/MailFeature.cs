namespace Portal.Web.Shared.Mail;

public static class MailFeature
{
    public static void AddMailFeature(this IServiceCollection services)
    {
    }
}
