using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class CohortSynthesisConfiguration : IEntityTypeConfiguration<CohortSynthesis>
{
    public void Configure(EntityTypeBuilder<CohortSynthesis> builder)
    {
        builder.ToTable("cohort_syntheses");
        // One synthesis per cohort and module: two first visits at once create one, the other finds it.
        builder.HasIndex(s => new { s.CohortId, s.ModuleId }).IsUnique();
        builder.HasIndex(s => new { s.ModuleId, s.ClosedAt });
        builder.Property(s => s.Texts).HasColumnType("jsonb");
        builder.HasOne<Cohort>().WithMany().HasForeignKey(s => s.CohortId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CourseModule>().WithMany().HasForeignKey(s => s.ModuleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(s => s.ClosedById).OnDelete(DeleteBehavior.SetNull);
    }
}
