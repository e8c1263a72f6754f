namespace CoSie.Platform.Web.Features.Admin.Institutions;

// An institution's settings after every rule has passed, ready to apply.
public sealed record InstitutionSettings(string Slug, string Name, IReadOnlyList<string> HostNames, string TimeZoneId, string DefaultCulture)
{
    public void ApplyTo(Institution institution)
    {
        institution.Slug = Slug;
        institution.Name = Name;
        institution.HostNames = [.. HostNames];
        institution.TimeZoneId = TimeZoneId;
        institution.DefaultCulture = DefaultCulture;
    }
}
