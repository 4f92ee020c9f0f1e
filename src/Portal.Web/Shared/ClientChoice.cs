namespace Portal.Web.Shared;

/// <summary>A Client to pick in a filter or a form.</summary>
public sealed record ClientChoice(Guid Id, string Name, string Number);
