using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class ResearchConsentChangeConfiguration : IEntityTypeConfiguration<ResearchConsentChange>
{
    public void Configure(EntityTypeBuilder<ResearchConsentChange> builder)
    {
        builder.HasIndex(c => new { c.CohortId, c.UserId, c.At });
        builder.HasIndex(c => c.UserId);
        builder.HasOne<Cohort>().WithMany().HasForeignKey(c => c.CohortId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
