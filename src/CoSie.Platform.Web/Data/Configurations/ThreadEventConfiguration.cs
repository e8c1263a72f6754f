using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class ThreadEventConfiguration : IEntityTypeConfiguration<ThreadEvent>
{
    public void Configure(EntityTypeBuilder<ThreadEvent> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(24);
        builder.HasIndex(e => new { e.ReflectionId, e.Sequence }).IsUnique();
        builder.HasOne<Reflection>().WithMany().HasForeignKey(e => e.ReflectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
