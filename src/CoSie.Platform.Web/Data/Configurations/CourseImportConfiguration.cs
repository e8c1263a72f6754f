using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class CourseImportConfiguration : IEntityTypeConfiguration<CourseImport>
{
    public void Configure(EntityTypeBuilder<CourseImport> builder)
    {
        builder.ToTable("course_imports");
        builder.Property(i => i.SourceKind).HasMaxLength(16);
        builder.Property(i => i.Source).HasMaxLength(CourseImport.MaxSourceLength);
        builder.Property(i => i.PostType).HasMaxLength(64);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Message).HasMaxLength(CourseImport.MaxMessageLength);
        builder.Property(i => i.Preview).HasColumnType("jsonb");
        builder.Property(i => i.Culture).HasMaxLength(32);
        builder.Property(i => i.FormatCulture).HasMaxLength(32);
        builder.Property(i => i.MediaBase).HasMaxLength(300);
        // The course's import page lists its recent imports, newest first.
        builder.HasIndex(i => new { i.CourseId, i.CreatedAt });
        builder.HasOne<Course>().WithMany().HasForeignKey(i => i.CourseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(i => i.CreatedById).OnDelete(DeleteBehavior.SetNull);
        builder.Ignore(i => i.IsFinished);
    }
}
