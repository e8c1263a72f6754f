using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class ModerationActionConfiguration : IEntityTypeConfiguration<ModerationAction>
{
    public void Configure(EntityTypeBuilder<ModerationAction> builder)
    {
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(a => a.Reason).HasMaxLength(ModerationAction.MaxReasonLength);
        builder.HasIndex(a => new { a.InstitutionId, a.At });
        builder.HasIndex(a => new { a.CohortId, a.At });
        // No foreign key to the post: the log outlives a purged post. The cohort's and people's keys follow them.
        builder.HasOne<Cohort>().WithMany().HasForeignKey(a => a.CohortId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(a => a.ModeratorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(a => a.SubjectUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
