using CoSie.Platform.BrowserTests.Infrastructure;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;

namespace CoSie.Platform.BrowserTests.Accessibility;

// The app with the CoSIE institution, its public course and module, and an instructor: the pages people read most.
public sealed class CosieSiteFactory : BrowserAppFactory
{
    public const string Institution = "cosie";
    public const string Instructor = "ines@cosie.test";

    public Institution Cosie { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var institution = await this.InstitutionAsync(Institution, "CoSIE Demo");
        Cosie = institution;
        await this.MemberAsync(institution, Instructor, InstitutionRole.Instructor);
        await this.CosieCourseAsync(institution);
    }
}
