using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class ThreadVisitConfiguration : IEntityTypeConfiguration<ThreadVisit>
{
    public void Configure(EntityTypeBuilder<ThreadVisit> builder)
    {
        builder.HasIndex(v => new { v.UserId, v.ReflectionId }).IsUnique();
        builder.HasOne<Reflection>().WithMany().HasForeignKey(v => v.ReflectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
