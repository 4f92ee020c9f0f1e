namespace Portal.Web.Shared;

/// <summary>A person to pick in a list: a staff member to assign, a Client's administrator to act as.</summary>
public sealed record StaffChoice(string Id, string Name, string Email);
