using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class PostRevisionConfiguration : IEntityTypeConfiguration<PostRevision>
{
    public void Configure(EntityTypeBuilder<PostRevision> builder)
    {
        builder.Property(r => r.BodySource).HasMaxLength(Reflection.MaxBodyLength);
        builder.HasIndex(r => new { r.PostId, r.ReplacedAt });
        builder.HasOne<Reflection>().WithMany().HasForeignKey(r => r.ReflectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
