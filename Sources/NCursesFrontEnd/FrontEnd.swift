import CNCurses
import DashboardUI

/// The interactive terminal front end (ncurses).
public enum FrontEnd {}
