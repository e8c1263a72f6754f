namespace CoSie.Platform.Web.Tenancy;

// An immutable snapshot of an institution, cheap to cache and to carry across scopes.
public sealed record InstitutionInfo(Guid Id, string Slug, string Name, IReadOnlyList<string> HostNames, string TimeZoneId, string DefaultCulture,
    bool AllowsLocalPasswords = true, string? AccentColor = null, string? LogoFile = null)
{
    public static InstitutionInfo From(Institution institution) => new(
        institution.Id, institution.Slug, institution.Name, [.. institution.HostNames], institution.TimeZoneId, institution.DefaultCulture,
        institution.AllowLocalPasswords, institution.AccentColor, institution.LogoFile);
}
