using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class MediaFileConfiguration : IEntityTypeConfiguration<MediaFile>
{
    public void Configure(EntityTypeBuilder<MediaFile> builder)
    {
        builder.Property(m => m.Fingerprint).HasMaxLength(MediaFile.FingerprintLength).IsFixedLength();
        builder.Property(m => m.ContentType).HasMaxLength(100);
        builder.Property(m => m.SourceUrl).HasMaxLength(2000);
        builder.HasIndex(m => new { m.InstitutionId, m.Fingerprint }).IsUnique();
        builder.HasOne<Institution>().WithMany().HasForeignKey(m => m.InstitutionId).OnDelete(DeleteBehavior.Cascade);
    }
}
