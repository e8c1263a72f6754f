using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class ThreadSubscriptionConfiguration : IEntityTypeConfiguration<ThreadSubscription>
{
    public void Configure(EntityTypeBuilder<ThreadSubscription> builder)
    {
        builder.HasIndex(s => new { s.ReflectionId, s.UserId }).IsUnique();
        builder.HasIndex(s => s.UserId);
        builder.Property(s => s.Level).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Reflection>().WithMany().HasForeignKey(s => s.ReflectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
