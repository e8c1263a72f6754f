using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class PlatformAuditEntryConfiguration : IEntityTypeConfiguration<PlatformAuditEntry>
{
    public void Configure(EntityTypeBuilder<PlatformAuditEntry> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Reason).HasMaxLength(PlatformAuditEntry.MaxReasonLength);
        builder.HasIndex(e => new { e.SubjectUserId, e.At });
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(e => e.ActorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(e => e.SubjectUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
