using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class CourseModuleConfiguration : IEntityTypeConfiguration<CourseModule>
{
    public void Configure(EntityTypeBuilder<CourseModule> builder)
    {
        builder.Property(m => m.Slug).HasMaxLength(Slugs.ModuleMaxLength);
        builder.Property(m => m.Title).HasMaxLength(200);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Format).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Language).HasMaxLength(16);
        builder.HasIndex(m => new { m.CourseId, m.Slug }).IsUnique();
        builder.HasIndex(m => new { m.CourseId, m.Position });
        builder.OwnsMany(m => m.Literature, literature => literature.ToJson());
        builder.OwnsOne(m => m.Provenance, provenance => provenance.ToJson());
        builder.HasMany(m => m.Prompts).WithOne().HasForeignKey(p => p.ModuleId).OnDelete(DeleteBehavior.Cascade);
    }
}
