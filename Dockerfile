# One image for every `tracery` subcommand (server, mesh, hello, world, demo).
#   docker build -t tracery .
#   docker run --rm -p 9411:9411 tracery server
# Build stage: the SDK restores and publishes only the CLI and what it references.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files alone, so the package layer is cached across source edits.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Tracery.Tracing/Tracery.Tracing.csproj src/Tracery.Tracing/
COPY src/Tracery.Storage/Tracery.Storage.csproj src/Tracery.Storage/
COPY src/Tracery.Server/Tracery.Server.csproj src/Tracery.Server/
COPY src/Tracery.Mesh/Tracery.Mesh.csproj src/Tracery.Mesh/
COPY src/Tracery.Cli/Tracery.Cli.csproj src/Tracery.Cli/
COPY samples/HelloWorld/HelloWorld.csproj samples/HelloWorld/
RUN dotnet restore src/Tracery.Cli/Tracery.Cli.csproj
COPY src/ src/
COPY samples/ samples/
RUN dotnet publish src/Tracery.Cli/Tracery.Cli.csproj -c Release --no-restore -o /app

# Runtime stage: ASP.NET Core runtime only (the server, mesh and samples all use Kestrel).
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# Each subcommand binds its own ports from its options and config; the base image's 8080 default
# would only confuse `kubectl port-forward` users.
ENV ASPNETCORE_HTTP_PORTS= \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
# The base image's non-root user (UID 1654); every Tracery port is above 1024.
USER $APP_UID
EXPOSE 9410 9411 4140 4141 9990 7777 7778
ENTRYPOINT ["dotnet", "/app/tracery.dll"]
