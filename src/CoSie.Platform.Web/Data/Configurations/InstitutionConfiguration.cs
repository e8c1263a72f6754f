using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class InstitutionConfiguration : IEntityTypeConfiguration<Institution>
{
    public void Configure(EntityTypeBuilder<Institution> builder)
    {
        builder.Property(i => i.Slug).HasMaxLength(Slugs.InstitutionMaxLength);
        builder.HasIndex(i => i.Slug).IsUnique();
        builder.Property(i => i.Name).HasMaxLength(200);
        builder.Property(i => i.TimeZoneId).HasMaxLength(64);
        builder.Property(i => i.DefaultCulture).HasMaxLength(16);
        builder.Property(i => i.AccentColor).HasMaxLength(7);
        builder.Property(i => i.LogoFile).HasMaxLength(80);
        builder.ComplexProperty(i => i.Accessibility, statement =>
        {
            statement.Property(s => s.NonAccessibleContent).HasMaxLength(AccessibilityLimits.NonAccessibleContent);
            statement.Property(s => s.ContactEmail).HasMaxLength(AccessibilityLimits.Email);
            statement.Property(s => s.EnforcementBody).HasMaxLength(AccessibilityLimits.EnforcementBody);
            statement.Property(s => s.EnforcementUrl).HasMaxLength(AccessibilityLimits.Url);
        });
        builder.Property(i => i.ResearchConsentText).HasMaxLength(Institution.MaxResearchConsentTextLength);
        builder.Property(i => i.HostNames).HasColumnType("text[]");
    }
}
