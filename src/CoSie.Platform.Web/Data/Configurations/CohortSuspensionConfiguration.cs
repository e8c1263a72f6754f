using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class CohortSuspensionConfiguration : IEntityTypeConfiguration<CohortSuspension>
{
    public void Configure(EntityTypeBuilder<CohortSuspension> builder)
    {
        builder.Property(s => s.Reason).HasMaxLength(ModerationAction.MaxReasonLength);
        builder.HasIndex(s => new { s.CohortId, s.UserId, s.Until });
        builder.HasOne<Cohort>().WithMany().HasForeignKey(s => s.CohortId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(s => s.SuspendedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(s => s.LiftedById).OnDelete(DeleteBehavior.SetNull);
    }
}
