using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class DigestDeliveryConfiguration : IEntityTypeConfiguration<DigestDelivery>
{
    public void Configure(EntityTypeBuilder<DigestDelivery> builder)
    {
        builder.Property(d => d.WeekKey).HasMaxLength(10);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.LastError).HasMaxLength(DigestDelivery.MaxErrorLength);
        builder.Property(d => d.MessageId).HasMaxLength(200);
        // The claim: INSERT ... ON CONFLICT (cohort_id, user_id, week_key) DO NOTHING relies on this index.
        builder.HasIndex(d => new { d.CohortId, d.UserId, d.WeekKey }).IsUnique();
        builder.HasIndex(d => new { d.CohortId, d.Status });
        builder.HasOne<Cohort>().WithMany().HasForeignKey(d => d.CohortId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
