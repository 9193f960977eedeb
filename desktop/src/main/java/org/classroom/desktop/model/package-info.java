/**
 * The plain values the desktop shows (result rows, the state of the results feed): made by the logic,
 * held by the view models and drawn by the gui, so all three can use them without knowing each other.
 */
package org.classroom.desktop.model;
