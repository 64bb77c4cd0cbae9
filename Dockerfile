# syntax=docker/dockerfile:1
# SkySentinel: build with the Maven wrapper on a JDK, run the fat jar on a JRE as a non-root user (docs/deploy.md).

FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
# Dependencies first, so a source change does not download them again.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src src
RUN ./mvnw -B -ntp -q -DskipTests package && cp target/skysentinel-*.jar /src/app.jar

FROM eclipse-temurin:25-jre AS run
RUN groupadd --system skysentinel && useradd --system --gid skysentinel --home-dir /app --shell /usr/sbin/nologin skysentinel
WORKDIR /app
COPY --from=build --chown=skysentinel:skysentinel /src/app.jar /app/app.jar
USER skysentinel
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
