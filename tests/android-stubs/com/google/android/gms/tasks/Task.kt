// SIGNATURE STUB FOR COMPILING ONLY, NOT THE REAL LIBRARY: the type com.google.android.gms:play-services-tasks'
// Task (what the location client's calls return), with none of its members. Only scripts/android-app-jvm.sh uses it.
package com.google.android.gms.tasks

abstract class Task<TResult>
