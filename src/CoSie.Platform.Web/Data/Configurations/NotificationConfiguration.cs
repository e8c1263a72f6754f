using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
        builder.HasIndex(n => new { n.UserId, n.CreatedAt });
        builder.HasIndex(n => new { n.UserId, n.ReflectionId, n.Kind }).HasFilter("mail_due_at IS NOT NULL AND mailed_at IS NULL").HasDatabaseName("ix_notifications_mail_pending");
        builder.HasOne<Reflection>().WithMany().HasForeignKey(n => n.ReflectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PromptProposal>().WithMany().HasForeignKey(n => n.ProposalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(n => n.ActorId).OnDelete(DeleteBehavior.SetNull);
    }
}
