// The real sync server for the binding tests: `vieclam-server serve --demo` started as a child process on a port
// the system picks, with its own data folder, and plain HTTP to it from Kotlin (the office's side of a check: an
// admin token and the server's JSON). No test methods here: run.sh runs only the files that have some.
package vn.gov.langson.vieclam.core.test

import java.io.File
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.security.SecureRandom
import java.time.Duration
import java.util.UUID

/** The system property run.sh sets to the built `vieclam-server` binary. */
const val SERVER_PROPERTY = "vieclam.server"

/** How long a server may take to seed the demo province and bind (a debug build on a busy 2-core machine). */
private val START_TIMEOUT: Duration = Duration.ofSeconds(180)

/** One HTTP answer: status and body text. */
data class HttpAnswer(val status: Int, val body: String) {
    /** The body parsed as JSON (see [Json]). */
    fun json(): Any? = Json.parse(body)
}

/**
 * A running `vieclam-server serve --demo --listen 127.0.0.1:0` over the data folder `data`. Its output goes to
 * files in `data` (a pipe nobody reads would block it) and is quoted when it fails to start. [close] stops it with
 * SIGTERM (the server shuts down gracefully), and kills it if it has not stopped within 10 s.
 */
class TestServer private constructor(private val process: Process, private val data: File, val url: String) :
    AutoCloseable {
    private val http: HttpClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()

    companion object {
        /** The demo accounts `server/src/demo.rs` seeds. */
        const val ADMIN = "admin"
        const val ADMIN_PASSWORD = "admin-vieclam"
        const val INSPECTOR = "thanhtra1"
        const val INSPECTOR_PASSWORD = "thanhtra1-vieclam"
        const val INSPECTOR_NAME = "Nguyễn Văn An"

        /** Starts the server over `data` (created if missing) and waits until `GET /v1/health` answers. */
        fun start(data: File): TestServer {
            val binary = System.getProperty(SERVER_PROPERTY)
                ?: error("-D$SERVER_PROPERTY=<path of vieclam-server> is not set (tests/kotlin/run.sh sets it)")
            check(File(binary).canExecute()) { "$SERVER_PROPERTY=$binary is not an executable file" }
            data.mkdirs()
            val out = File(data, "server.out")
            val err = File(data, "server.err")
            val process = ProcessBuilder(
                binary, "serve", "--demo", "--listen", "127.0.0.1:0", "--data", data.path,
            ).redirectOutput(out).redirectError(err).start()
            try {
                val url = waitForAddress(process, out, err)
                val server = TestServer(process, data, url)
                server.waitForHealth()
                return server
            } catch (e: Throwable) {
                stop(process)
                throw e
            }
        }

        /** The `http://…` address the server prints once it has bound: "… / Serving at http://127.0.0.1:PORT". */
        private fun waitForAddress(process: Process, out: File, err: File): String {
            val deadline = System.nanoTime() + START_TIMEOUT.toNanos()
            val serving = Regex("Serving at (http://[0-9.]+:[0-9]+)")
            while (System.nanoTime() < deadline) {
                serving.find(out.readText())?.let { return it.groupValues[1] }
                check(process.isAlive) { "vieclam-server exited with ${process.exitValue()}:\n${err.readText().takeLast(4000)}" }
                Thread.sleep(100)
            }
            error("vieclam-server did not start within $START_TIMEOUT:\n${err.readText().takeLast(4000)}")
        }

        private fun stop(process: Process) {
            process.destroy()
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor()
            }
        }
    }

    private fun waitForHealth() {
        val deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos()
        var last: Throwable? = null
        while (System.nanoTime() < deadline) {
            try {
                val health = get("/v1/health")
                if (health.status == 200 && (health.json() as? Map<*, *>)?.get("status") == "ok") return
                last = IllegalStateException("GET /v1/health answered ${health.status}: ${health.body}")
            } catch (e: java.io.IOException) {
                last = e
            }
            Thread.sleep(100)
        }
        throw IllegalStateException("GET $url/v1/health never answered ok", last)
    }

    /** What the server printed on standard output (the demo's sign-in sheet, the address). */
    fun output(): String = File(data, "server.out").readText()

    /** `GET path`, with `token` as the bearer when given. */
    fun get(path: String, token: String? = null): HttpAnswer = send(HttpRequest.newBuilder(URI.create(url + path)).GET(), token)

    /** `GET path` as bytes (a photo). */
    fun getBytes(path: String, token: String): Pair<Int, ByteArray> {
        val request = HttpRequest.newBuilder(URI.create(url + path)).GET()
            .header("Authorization", "Bearer $token").timeout(Duration.ofSeconds(30)).build()
        val answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray())
        return answer.statusCode() to answer.body()
    }

    /** `POST path` with a JSON body. */
    fun postJson(path: String, json: String, token: String? = null): HttpAnswer = send(
        HttpRequest.newBuilder(URI.create(url + path)).POST(HttpRequest.BodyPublishers.ofString(json))
            .header("Content-Type", "application/json"),
        token,
    )

    private fun send(builder: HttpRequest.Builder, token: String?): HttpAnswer {
        token?.let { builder.header("Authorization", "Bearer $it") }
        val answer = http.send(builder.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString())
        return HttpAnswer(answer.statusCode(), answer.body())
    }

    /**
     * Signs `username` in over plain HTTP as a desktop with a fresh device id and key (the server only registers
     * them) and answers the bearer token. Fails with the server's answer when it is not 200.
     */
    fun token(username: String, password: String): String {
        val key = ByteArray(32).also { SecureRandom().nextBytes(it) }.joinToString("") { "%02x".format(it) }
        val body = """{"username":${Json.quote(username)},"password":${Json.quote(password)},""" +
            """"device":{"device_id":"${UUID.randomUUID()}","public_key":"$key","name":"JUnit","platform":"desktop"}}"""
        val answer = postJson("/v1/auth/login", body)
        check(answer.status == 200) { "POST /v1/auth/login as $username answered ${answer.status}: ${answer.body}" }
        return (answer.json() as Map<*, *>)["token"] as? String ?: error("no token in ${answer.body}")
    }

    override fun close() = stop(process)
}
