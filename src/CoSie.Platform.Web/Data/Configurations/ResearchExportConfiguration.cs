using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class ResearchExportConfiguration : IEntityTypeConfiguration<ResearchExport>
{
    public void Configure(EntityTypeBuilder<ResearchExport> builder)
    {
        builder.Property(e => e.ProtectedKey).HasMaxLength(1000);
        builder.HasIndex(e => new { e.CohortId, e.At });
        builder.HasOne<Cohort>().WithMany().HasForeignKey(e => e.CohortId).OnDelete(DeleteBehavior.Cascade);
        // The audit row outlives the account of whoever exported.
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(e => e.ExportedById).OnDelete(DeleteBehavior.SetNull);
    }
}
