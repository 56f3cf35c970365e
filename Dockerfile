# Build: the SDK image compiles the host in Release.
FROM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build
WORKDIR /src
# Restore from the project files alone, in its own layer: it is reused until a project or a package version changes,
# so an edit to the code does not download the packages again.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig Bot.sln ./
COPY src/Bot.Host/Bot.Host.csproj src/Bot.Host/
COPY src/Bot.Dialogs/Bot.Dialogs.csproj src/Bot.Dialogs/
RUN dotnet restore src/Bot.Host/Bot.Host.csproj -p:PublishReadyToRun=true
COPY src/ src/
# ReadyToRun: a host restarted onto a backlog of updates runs precompiled code instead of tier-0 JIT.
RUN dotnet publish src/Bot.Host/Bot.Host.csproj -c Release -o /app --no-restore -p:PublishReadyToRun=true

# Run: the ASP.NET runtime on Ubuntu, plus the native packages of scripts/native-packages.sh (OpenCV's face cascades
# and the GTK runtime OpenCvSharp links against, Ghostscript for PDFs, run under prlimit from util-linux) and
# Ghostscript's CJK fallback font, without which a PDF whose Chinese text uses a font it does not embed renders as
# stray Latin glyphs; the printable summary draws its Chinese with that font and the rest with DejaVu Sans. libgtk-3-0 is named libgtk-3-0t64 on Ubuntu 24.04.
FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends opencv-data libgtk-3-0t64 ghostscript fonts-droid-fallback fonts-dejavu-core util-linux \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
COPY --chmod=0755 deploy/docker/healthcheck.sh /usr/local/bin/arc-healthcheck
ENV ASPNETCORE_URLS=http://+:8080 \
    DOTNET_gcServer=0 \
    LocalChat__Enabled=false
EXPOSE 8080
# Liveness only: a Redis outage must not mark the container unhealthy (an orchestrator would restart it for nothing).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["arc-healthcheck", "/healthz/live"]
# The image's built-in non-root user.
USER $APP_UID
ENTRYPOINT ["dotnet", "Bot.Host.dll"]
