// SIGNATURE STUB FOR COMPILING ONLY, NOT THE REAL LIBRARY: every body throws. It mirrors the public API of
// androidx.work:work-runtime(-ktx) 2.10.0 (android/gradle/libs.versions.toml) that android/app uses: same package,
// class and function names, parameter types, nullability and generics. Java-language classes of the real library
// (ListenableWorker, WorkerParameters) are written here in Kotlin: their getters are properties of the same name
// and their static methods companion functions, which Kotlin call sites use the same way.
// Only scripts/android-app-jvm.sh uses it; the real library comes from Google's Maven in the Gradle build.
package androidx.work

import android.content.Context
import com.google.common.util.concurrent.ListenableFuture
import java.util.concurrent.TimeUnit
import kotlinx.coroutines.flow.Flow

private const val STUB = "signature stub (tests/android-stubs): compile only"

class WorkerParameters private constructor()

abstract class ListenableWorker(appContext: Context, workerParams: WorkerParameters) {
    val applicationContext: Context get() = throw UnsupportedOperationException(STUB)

    fun setProgressAsync(data: Data): ListenableFuture<Void> = throw UnsupportedOperationException(STUB)

    abstract class Result internal constructor() {
        companion object {
            @JvmStatic
            fun success(): Result = throw UnsupportedOperationException(STUB)

            @JvmStatic
            fun retry(): Result = throw UnsupportedOperationException(STUB)

            @JvmStatic
            fun failure(): Result = throw UnsupportedOperationException(STUB)
        }
    }
}

abstract class CoroutineWorker(appContext: Context, params: WorkerParameters) : ListenableWorker(appContext, params) {
    abstract suspend fun doWork(): Result

    suspend fun setProgress(data: Data): Unit = throw UnsupportedOperationException(STUB)
}

class Data private constructor() {
    fun getString(key: String): String? = throw UnsupportedOperationException(STUB)

    fun getLong(key: String, defaultValue: Long): Long = throw UnsupportedOperationException(STUB)
}

@Suppress("UNUSED_PARAMETER")
fun workDataOf(vararg pairs: Pair<String, Any?>): Data = throw UnsupportedOperationException(STUB)

class WorkInfo private constructor() {
    val state: State get() = throw UnsupportedOperationException(STUB)
    val progress: Data get() = throw UnsupportedOperationException(STUB)

    enum class State { ENQUEUED, RUNNING, SUCCEEDED, FAILED, BLOCKED, CANCELLED }
}

enum class NetworkType { NOT_REQUIRED, CONNECTED, UNMETERED, NOT_ROAMING, METERED, TEMPORARILY_UNMETERED }

enum class BackoffPolicy { EXPONENTIAL, LINEAR }

enum class ExistingWorkPolicy { REPLACE, KEEP, APPEND, APPEND_OR_REPLACE }

enum class ExistingPeriodicWorkPolicy {
    @Deprecated("Deprecated in favor of the UPDATE policy.")
    REPLACE,
    KEEP,
    UPDATE,
    CANCEL_AND_REENQUEUE,
}

class Constraints private constructor() {
    class Builder {
        fun setRequiredNetworkType(networkType: NetworkType): Builder = throw UnsupportedOperationException(STUB)

        fun build(): Constraints = throw UnsupportedOperationException(STUB)
    }
}

abstract class WorkRequest internal constructor() {
    abstract class Builder<B : Builder<B, *>, W : WorkRequest> internal constructor() {
        fun setConstraints(constraints: Constraints): B = throw UnsupportedOperationException(STUB)

        fun setBackoffCriteria(backoffPolicy: BackoffPolicy, backoffDelay: Long, timeUnit: TimeUnit): B =
            throw UnsupportedOperationException(STUB)

        fun build(): W = throw UnsupportedOperationException(STUB)
    }
}

class OneTimeWorkRequest private constructor() : WorkRequest() {
    class Builder(workerClass: Class<out ListenableWorker>) : WorkRequest.Builder<Builder, OneTimeWorkRequest>()
}

class PeriodicWorkRequest private constructor() : WorkRequest() {
    class Builder(workerClass: Class<out ListenableWorker>, repeatInterval: Long, repeatIntervalTimeUnit: TimeUnit) :
        WorkRequest.Builder<Builder, PeriodicWorkRequest>()
}

inline fun <reified W : ListenableWorker> OneTimeWorkRequestBuilder(): OneTimeWorkRequest.Builder =
    OneTimeWorkRequest.Builder(W::class.java)

inline fun <reified W : ListenableWorker> PeriodicWorkRequestBuilder(
    repeatInterval: Long,
    repeatIntervalTimeUnit: TimeUnit,
): PeriodicWorkRequest.Builder = PeriodicWorkRequest.Builder(W::class.java, repeatInterval, repeatIntervalTimeUnit)

interface Operation

abstract class WorkManager internal constructor() {
    abstract fun enqueueUniqueWork(
        uniqueWorkName: String,
        existingWorkPolicy: ExistingWorkPolicy,
        request: OneTimeWorkRequest,
    ): Operation

    abstract fun enqueueUniquePeriodicWork(
        uniqueWorkName: String,
        existingPeriodicWorkPolicy: ExistingPeriodicWorkPolicy,
        request: PeriodicWorkRequest,
    ): Operation

    abstract fun cancelUniqueWork(uniqueWorkName: String): Operation

    abstract fun getWorkInfosForUniqueWorkFlow(uniqueWorkName: String): Flow<List<WorkInfo>>

    companion object {
        @JvmStatic
        fun getInstance(context: Context): WorkManager = throw UnsupportedOperationException(STUB)
    }
}
