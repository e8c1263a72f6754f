using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class HelpfulConfiguration : IEntityTypeConfiguration<Helpful>
{
    public void Configure(EntityTypeBuilder<Helpful> builder)
    {
        builder.HasIndex(h => new { h.PostId, h.UserId }).IsUnique();
        builder.HasIndex(h => new { h.ReflectionId, h.UserId });
        builder.HasOne<Reflection>().WithMany().HasForeignKey(h => h.ReflectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(h => h.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
