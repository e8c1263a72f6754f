# syntax=docker/dockerfile:1
# The CoSIE platform as one image: `docker compose up -d` builds and runs it (see docs/self-hosting.md).
# The same image runs the app (no arguments), applies migrations (`migrate`) and probes itself (`healthcheck`).

# .NET 10 images are built on Ubuntu 24.04 (noble); Microsoft no longer ships Debian ones. The tags are pinned to
# .NET 10 and the distro and follow its patch releases, so a rebuild picks up security fixes. To freeze a build
# byte for byte, add the digest: mcr.microsoft.com/dotnet/sdk:10.0-noble@sha256:...
FROM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
WORKDIR /src

# Project files first: the restore layer is reused until a package version or a project reference changes.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/CoSie.Platform.Web/CoSie.Platform.Web.csproj src/CoSie.Platform.Web/
COPY migrations/CoSie.Platform.Migrations/CoSie.Platform.Migrations.csproj migrations/CoSie.Platform.Migrations/
RUN dotnet restore migrations/CoSie.Platform.Migrations/CoSie.Platform.Migrations.csproj

# .editorconfig too: the build enforces code style, and must judge the code as it is judged everywhere else.
COPY .editorconfig cosie ./
COPY src/ src/
COPY migrations/ migrations/
# The app and its migrations assembly, side by side (the app's own publish cannot include the migrations).
RUN ./cosie publish /app


FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble AS runtime
WORKDIR /app

# Without an SMTP host the app writes each mail as an .eml file; this is the one folder the app user may write to.
RUN mkdir -p /var/lib/cosie/mail && chown -R "$APP_UID" /var/lib/cosie

ENV ASPNETCORE_HTTP_PORTS=8080 \
    Email__PickupDirectory=/var/lib/cosie/mail

# Owned by root and read-only for the app: a compromised process cannot rewrite its own code.
COPY --from=build /app ./

# The image's non-root user, app (UID 1654).
USER $APP_UID
EXPOSE 8080

# No curl or wget in this image: the app asks its own /healthz (3-second timeout, exit code 0 or 1).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["dotnet", "CoSie.Platform.Web.dll", "healthcheck"]

ENTRYPOINT ["dotnet", "CoSie.Platform.Web.dll"]
