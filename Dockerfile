# Build: the SDK image compiles the host in Release.
FROM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig Bot.sln ./
COPY src/ src/
# ReadyToRun: a host restarted onto a backlog of updates runs precompiled code instead of tier-0 JIT.
RUN dotnet publish src/Bot.Host/Bot.Host.csproj -c Release -o /app -p:PublishReadyToRun=true

# Run: the ASP.NET runtime on Debian, plus the native packages the photo pipeline needs
# (OpenCV's face cascades and the GTK runtime OpenCvSharp links against, Ghostscript for PDFs, run under prlimit).
FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends opencv-data libgtk-3-0t64 ghostscript util-linux \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://+:8080 \
    DOTNET_gcServer=0 \
    LocalChat__Enabled=false
EXPOSE 8080
# The image's built-in non-root user.
USER $APP_UID
ENTRYPOINT ["dotnet", "Bot.Host.dll"]
