using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class InstitutionConfiguration : IEntityTypeConfiguration<Institution>
{
    public void Configure(EntityTypeBuilder<Institution> builder)
    {
        builder.Property(i => i.Slug).HasMaxLength(Slugs.InstitutionMaxLength);
        builder.HasIndex(i => i.Slug).IsUnique();
        builder.Property(i => i.Name).HasMaxLength(200);
        builder.Property(i => i.TimeZoneId).HasMaxLength(64);
        builder.Property(i => i.DefaultCulture).HasMaxLength(16);
        builder.Property(i => i.HostNames).HasColumnType("text[]");
    }
}
