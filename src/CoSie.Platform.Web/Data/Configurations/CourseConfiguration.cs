using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> builder)
    {
        builder.Property(c => c.Slug).HasMaxLength(Slugs.CourseMaxLength);
        builder.Property(c => c.Title).HasMaxLength(200);
        builder.Property(c => c.Summary).HasMaxLength(2_000);
        builder.Property(c => c.Visibility).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(c => new { c.InstitutionId, c.Slug }).IsUnique();
        builder.HasOne<Institution>().WithMany().HasForeignKey(c => c.InstitutionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Modules).WithOne().HasForeignKey(m => m.CourseId).OnDelete(DeleteBehavior.Cascade);
    }
}
