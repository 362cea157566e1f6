package org.kdplayground.engine;

/** A run first trains the teacher, then both students side by side. */
public enum Phase { TEACHER, STUDENTS }
